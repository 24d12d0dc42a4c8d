/**
 * Runs `work` unless a run started on the same flag is still going; answers whether it ran.
 * The flag is a ref, not state: two clicks in one frame both see the state of the last render
 * (not busy yet), so a state guard lets the second run too, and its refusal (the status has
 * already moved) would replace the first one's success message.
 */
export async function runAlone(flag: { current: boolean }, work: () => Promise<void>): Promise<boolean> {
  if (flag.current) return false;
  flag.current = true;
  try {
    await work();
  } finally {
    flag.current = false;
  }
  return true;
}
