// Placeholder while the screen is being built in this session; replaced before the session ends.
export function HouseholdScreen(_props: { householdId: string }) {
  return <h1>HouseholdScreen</h1>;
}
