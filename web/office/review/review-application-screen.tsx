// Placeholder while the screen is built (issue 5); replaced by its owner.
export function ReviewApplicationScreen({ applicationId }: { applicationId: string }) {
  void applicationId;
  return <h1>ReviewApplicationScreen</h1>;
}
