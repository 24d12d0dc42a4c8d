// Placeholder while the screen is being built in this session; replaced before the session ends.
export function SearchScreen() {
  return <h1>SearchScreen</h1>;
}
