/**
 * A page's refusal to a member who may see the project but not do this here (strangers get a 404
 * instead: the member already knows the project exists).
 */
export function RefusalCard({ message }: { message: string }) {
  return (
    <section className="card" role="alert">
      <p>{message}</p>
    </section>
  );
}
