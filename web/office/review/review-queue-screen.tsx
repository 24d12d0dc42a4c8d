// Placeholder while the screen is built (issue 5); replaced by its owner.
export function ReviewQueueScreen() {
  return <h1>ReviewQueueScreen</h1>;
}
