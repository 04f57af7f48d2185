import Link from "next/link";

export function Brand() {
  return (
    <Link href="/articles" className="brand">
      <span className="brand__mark" aria-hidden="true">
        ✓
      </span>
      Verity
    </Link>
  );
}
