// Placeholder while the screen is built (issue 5); replaced by its owner.
export function DashboardScreen() {
  return <h1>DashboardScreen</h1>;
}
