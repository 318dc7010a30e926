// Group members as Active Directory gives a large group's: in ranges
// (`member;range=0-1499`, then `member;range=1500-*`). Neither slapd nor Samba
// answers that way, so the answers here are recorded in that form and the
// reading of them is what is tested; groups inside groups are followed once.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Entry } from 'ldapts';
import type { DirectoryClient, SearchRequest } from '../../src/directory/client.ts';
import { groupMembers, isMember } from '../../src/directory/groups.ts';

const USERS = 'CN=Users,DC=contoso,DC=com';
const dn = (i: number) => `CN=u${i},${USERS}`;
const BIG = `CN=Big,${USERS}`;
const INNER = `CN=Inner,${USERS}`;

/** Answers searches the way AD does for these groups; records what was asked. */
function directory() {
  const asked: string[][] = [];
  const client = {
    settings: { groupBaseDn: USERS },
    async search(req: SearchRequest): Promise<Entry[]> {
      asked.push(req.attributes);
      // DNs compare without regard to case, as a directory compares them.
      const base = req.base.toLowerCase();
      const is = (dn: string) => base === dn.toLowerCase();
      if (is(BIG) && req.attributes.includes('member'))
        return [
          {
            dn: BIG,
            'member;range=0-1499': Array.from({ length: 1500 }, (_, i) => dn(i)),
          } as Entry,
        ];
      if (is(BIG) && req.attributes[0] === 'member;range=1500-*')
        return [
          {
            dn: BIG,
            'member;range=1500-*': [...Array.from({ length: 700 }, (_, i) => dn(1500 + i)), INNER],
          } as Entry,
        ];
      if (is(INNER)) return [{ dn: INNER, member: [dn(5000), BIG] } as Entry];
      return [];
    },
  };
  return { client: client as unknown as DirectoryClient, asked };
}

describe('group members in ranges (Active Directory)', () => {
  it('reads every range, follows a group inside the group, and stops at a loop', async () => {
    const { client, asked } = directory();
    const users = new Set(Array.from({ length: 5001 }, (_, i) => dn(i).toLowerCase()));
    const m = await groupMembers(client, [BIG], (d) => users.has(d));
    for (const i of [0, 1499, 1500, 2199, 5000])
      assert.ok(
        isMember(
          m,
          dn(i)
            .toLowerCase()
            .replace(/\s*,\s*/g, ','),
        ),
        `u${i}`,
      );
    assert.ok(!isMember(m, dn(2200).toLowerCase()), 'not a member');
    assert.deepEqual(
      asked.map((a) => a[0]),
      ['member', 'member;range=1500-*', 'member'],
      'the group, its second range, the group inside it (and not the loop back)',
    );
  });
});
