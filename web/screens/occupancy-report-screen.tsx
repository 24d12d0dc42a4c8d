// Placeholder while the screen is being built in this session; replaced before the session ends.
export function OccupancyReportScreen(_props: { siteId: string; month: string }) {
  return <h1>OccupancyReportScreen</h1>;
}
