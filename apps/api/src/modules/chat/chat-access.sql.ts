/**
 * Who may read and write a channel, as one SQL predicate over a `chat_channels` row aliased `c` and a
 * user id parameter. Send, join, history, search and the channel list all use it, so access is decided
 * in the statement that reads or writes, with no window between a check and its use:
 * - network channels: members of an organisation that belongs to the network;
 * - a challenge's channel: members of the posting organisation, the challenge's followers, and the
 *   authors and organisations of its answers;
 * - direct, meeting and symbiosis channels: their listed members (a symbiosis channel is also hidden,
 *   NOT_FOUND, from everyone else).
 */
export function channelAccessSql(user: string, alias = 'c'): string {
  return `(CASE ${alias}.kind
    WHEN 'NETWORK_GENERAL' THEN ${networkMember(user, alias)}
    WHEN 'NETWORK_TOPIC' THEN ${networkMember(user, alias)}
    WHEN 'CHALLENGE' THEN (
         EXISTS (SELECT 1 FROM challenges ch JOIN organisation_memberships om ON om.organisation_id = ch.organisation_id
                  WHERE ch.id = ${alias}.challenge_id AND om.user_id = ${user})
      OR EXISTS (SELECT 1 FROM challenge_follows f WHERE f.challenge_id = ${alias}.challenge_id AND f.user_id = ${user})
      OR EXISTS (SELECT 1 FROM challenge_answers a WHERE a.challenge_id = ${alias}.challenge_id
                    AND (a.author_id = ${user} OR a.organisation_id IN (SELECT organisation_id FROM organisation_memberships WHERE user_id = ${user}))))
    ELSE EXISTS (SELECT 1 FROM chat_channel_members cm WHERE cm.channel_id = ${alias}.id AND cm.user_id = ${user})
  END)`;
}

function networkMember(user: string, alias: string): string {
  return `EXISTS (SELECT 1 FROM network_memberships nm JOIN organisation_memberships om ON om.organisation_id = nm.organisation_id
                   WHERE nm.network_id = ${alias}.network_id AND om.user_id = ${user})`;
}
