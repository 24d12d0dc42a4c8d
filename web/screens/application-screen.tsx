// Placeholder while the screen is being built in this session; replaced before the session ends.
export function ApplicationScreen(_props: { applicationId: string }) {
  return <h1>ApplicationScreen</h1>;
}
