import { Brand } from "@/components/layout/brand";

/** A page that is one card under the brand, in the middle of the screen: signing in, a page not found. */
export function BrandedCard({ title, intro, children }: { title: string; intro: string; children: React.ReactNode }) {
  return (
    <main className="login">
      <div className="card login__card">
        <div className="login__brand">
          <Brand />
        </div>
        <h1>{title}</h1>
        <p className="login__intro">{intro}</p>
        {children}
      </div>
    </main>
  );
}
