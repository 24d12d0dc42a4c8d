// Placeholder while the screen is built (issue 5); replaced by its owner.
export function ExportsScreen() {
  return <h1>ExportsScreen</h1>;
}
