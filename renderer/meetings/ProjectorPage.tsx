/** Issue 17: the meeting on the projector, a window of its own that follows the secretary's screen. */
export function ProjectorPage(_props: { id: string }) {
  return <section className="projector-page" />;
}
