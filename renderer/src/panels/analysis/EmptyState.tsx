/** What a tab shows before it has numbers: it teaches the next step. */
export function AnalysisEmpty({ what }: { readonly what: string }) {
  return (
    <p className="dock-empty" role="note">
      Create a journey from an entry component to see its {what}: select the component where requests come in,
      then choose <strong>New journey</strong> in the inspector.
    </p>
  );
}

export function AnalysisPending() {
  return (
    <p className="dock-empty" role="status">
      Analysing…
    </p>
  );
}
