// Placeholder while the screen is built (issue 5); replaced by its owner.
export function AdminUsersScreen() {
  return <h1>AdminUsersScreen</h1>;
}
