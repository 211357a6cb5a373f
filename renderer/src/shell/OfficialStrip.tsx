/** The protective marking every screen carries, as the printed documents do. */
export function OfficialStrip() {
  return (
    <div className="official-strip" role="note" aria-label="Protective marking">
      OFFICIAL-SENSITIVE
    </div>
  );
}
