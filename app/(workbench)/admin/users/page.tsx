import type { Metadata } from "next";
import Link from "next/link";
import { AccessDenied } from "@/components/layout/access-denied";
import { requireUser } from "@/lib/auth/current-user";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { listUsers } from "@/lib/users/data";
import { ForbiddenError } from "@/lib/errors";
import { formatDate } from "@/lib/format";
import { CreateUserForm, DisableUserForm, ResetPasswordForm, RoleForm } from "@/components/admin/user-forms";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const actor = await requireUser();
  let users;
  try {
    users = await listUsers(actor);
  } catch (error) {
    if (!(error instanceof ForbiddenError)) throw error;
    return (
      <AccessDenied title="Administrators only">
        Managing users needs the Admin role. Ask an administrator if you need an account changed.
      </AccessDenied>
    );
  }
  return (
    <>
      <div className="page-head">
        <h1>Users</h1>
        <div className="page-head__side">
          <p>
            {users.length} account{users.length === 1 ? "" : "s"}
          </p>
          <Link href="/admin/audit">Audit log</Link>
        </div>
      </div>
      <div className="admin-grid">
        <section className="card" aria-labelledby="create-user-heading">
          <h2 id="create-user-heading">Create a user</h2>
          <CreateUserForm />
        </section>
        <table className="user-table" aria-label="Users">
          <thead>
            <tr>
              <th scope="col">User</th>
              <th scope="col">Role</th>
              <th scope="col">Status</th>
              <th scope="col">Password and access</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => {
              const self = user.id === actor.id;
              return (
                <tr key={user.id} data-testid="user-row" data-email={user.email} data-disabled={Boolean(user.disabledAt)}>
                  <td>
                    <strong>{user.name}</strong>
                    {self && <span className="muted"> (you)</span>}
                    <br />
                    <span className="muted">{user.email}</span>
                  </td>
                  <td data-label="Role">{self ? ROLE_LABELS[user.role] : <RoleForm userId={user.id} role={user.role} />}</td>
                  <td data-label="Status">
                    {user.disabledAt ? (
                      <span className="status-pill status-pill--disabled">Disabled {formatDate(user.disabledAt)}</span>
                    ) : (
                      <span className="status-pill status-pill--active">Active</span>
                    )}
                  </td>
                  <td className="user-actions" data-label="Password and access">
                    <ResetPasswordForm userId={user.id} name={user.name} />
                    {!self && <DisableUserForm userId={user.id} disabled={Boolean(user.disabledAt)} />}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
