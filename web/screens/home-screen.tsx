// Placeholder while the screen is being built in this session; replaced before the session ends.
export function HomeScreen() {
  return <h1>HomeScreen</h1>;
}
