// Placeholder while the screen is being built in this session; replaced before the session ends.
export function StorageScreen() {
  return <h1>StorageScreen</h1>;
}
