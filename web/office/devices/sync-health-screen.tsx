// Placeholder while the screen is built (issue 5); replaced by its owner.
export function SyncHealthScreen() {
  return <h1>SyncHealthScreen</h1>;
}
