import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/current-user";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { listApiTokens } from "@/lib/api-tokens/data";
import { formatDate } from "@/lib/format";
import { CreateApiTokenForm, RevokeApiTokenForm } from "@/components/account/api-token-forms";
import { DigestForm } from "@/components/account/digest-form";
import { getDigest } from "@/lib/notifications/digest-settings";
import { isMailConfigured } from "@/lib/notifications/mailer";

export const metadata: Metadata = { title: "Your account" };

const SCOPE_LABELS = { READ: "Read", READ_WRITE: "Read and write" } as const;

export default async function AccountPage() {
  const user = await requireUser();
  const [tokens, digest] = await Promise.all([listApiTokens(user), getDigest(user)]);
  return (
    <>
      <div className="page-head">
        <h1>Your account</h1>
        <div className="page-head__side">
          <p>
            {user.name} · {user.email} · {ROLE_LABELS[user.role]}
          </p>
        </div>
      </div>
      <section className="card digest-card" aria-labelledby="digest-heading">
        <h2 id="digest-heading">Email digest</h2>
        <DigestForm current={digest.digestFrequency} mailConfigured={isMailConfigured()} />
      </section>
      <div className="admin-grid">
        <section className="card" aria-labelledby="new-token-heading">
          <h2 id="new-token-heading">Make an API token</h2>
          <p className="muted">
            Tools that are not browsers read and write your annotations through Verity&apos;s W3C Annotation Protocol server with a token, sent as{" "}
            <code>Authorization: Bearer …</code>. A token acts as you, with your role. It is shown once.
          </p>
          <CreateApiTokenForm />
        </section>
        <section aria-labelledby="tokens-heading">
          <h2 id="tokens-heading">Your tokens</h2>
          {tokens.length === 0 ? (
            <p className="muted">You have no API tokens.</p>
          ) : (
            <table className="user-table" aria-labelledby="tokens-heading">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">May</th>
                  <th scope="col">Made</th>
                  <th scope="col">Last used</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {tokens.map((token) => (
                  <tr key={token.id} data-testid="token-row">
                    <td>{token.name}</td>
                    <td>{SCOPE_LABELS[token.scope]}</td>
                    <td>{formatDate(token.createdAt)}</td>
                    <td>{token.lastUsedAt ? formatDate(token.lastUsedAt) : "Never"}</td>
                    <td>{token.revokedAt ? `Revoked ${formatDate(token.revokedAt)}` : <RevokeApiTokenForm tokenId={token.id} name={token.name} />}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </div>
    </>
  );
}
