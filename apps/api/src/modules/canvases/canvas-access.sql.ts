/**
 * A user's role on a canvas (`c` is the canvases row), as one SQL expression: EDITOR for members of
 * the owning organisation and those given EDITOR (themselves or through an organisation); VIEWER for
 * those given VIEWER and for members of the canvas's network; null for anyone else. An archived canvas
 * is read-only: editors become viewers.
 */
export function canvasRoleSql(user: string, alias = 'c'): string {
  const myOrgs = `(SELECT organisation_id FROM organisation_memberships WHERE user_id = ${user})`;
  const granted = (role: string) =>
    `EXISTS (SELECT 1 FROM canvas_access a WHERE a.canvas_id = ${alias}.id AND a.role = '${role}' AND (a.user_id = ${user} OR a.organisation_id IN ${myOrgs}))`;
  const editor = `(${alias}.owner_organisation_id IN ${myOrgs} OR ${granted('EDITOR')})`;
  const viewer = `(${granted('VIEWER')} OR EXISTS (SELECT 1 FROM network_memberships nm WHERE nm.network_id = ${alias}.network_id AND nm.organisation_id IN ${myOrgs}))`;
  return `(CASE WHEN ${editor} THEN (CASE WHEN ${alias}.archived_at IS NULL THEN 'EDITOR' ELSE 'VIEWER' END)
               WHEN ${viewer} THEN 'VIEWER' END)`;
}
