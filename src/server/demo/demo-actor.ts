import type { Queryable } from '../db/db';
import type { Actor } from '../http/actor';

/** The actor of a demo account, for demo steps that go through the services like a person would. */
export async function demoActor(
  tx: Queryable,
  username: string,
): Promise<Actor & { centerId: string; centerPath: string }> {
  const [u] = await tx.query<{
    id: string;
    display_name: string;
    roles: string[];
    center_id: string;
    path: string;
    department_id: string | null;
    staff_id: string | null;
  }>(
    `SELECT u.id, u.display_name, u.roles, u.center_id, c.path, s.department_id, u.staff_id
     FROM users u JOIN centers c ON c.id = u.center_id LEFT JOIN staff s ON s.id = u.staff_id WHERE u.username = $1`,
    [username],
  );
  return {
    userId: u!.id,
    username,
    displayName: u!.display_name,
    roles: u!.roles as Actor['roles'],
    centerId: u!.center_id,
    centerPath: u!.path,
    departmentId: u!.department_id,
    staffId: u!.staff_id,
    applicantId: null,
  };
}
