import type { Translate } from '../i18n/index.js';
import type { World } from '../world/world.js';

export interface DiagramNode {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly kind: 'directory' | 'user' | 'office365' | 'azure';
  readonly lines: readonly string[];
  /** What a screen reader says for this node. */
  readonly label: string;
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** A connector drawn as straight runs at right angles, so that no two connectors cross. */
export interface DiagramEdge {
  readonly points: readonly Point[];
  readonly label: string;
}

export interface Diagram {
  readonly width: number;
  readonly height: number;
  readonly title: string;
  readonly nodes: readonly DiagramNode[];
  readonly edges: readonly DiagramEdge[];
}

/**
 * Sizes in the SVG's own units, drawn one to one on a page 1280 pixels wide (the text is 14 px).
 * Users hang one under the other from a trunk down the directory's left; each user's Azure
 * subscriptions sit to its right, one row each; the Office 365 subscriptions stand to the
 * directory's right. Every connector has a row or a column of its own: none crosses another.
 */
const BOX = { width: 250, height: 48, margin: 16, row: 60, indent: 32, gap: 56 };

/**
 * The article's third picture, drawn from live state: the directory on top, its Office 365
 * subscriptions beside it (owned by the directory), its users below, and each Azure subscription
 * beside the user who owns it (its Account admin). Every node and edge carries words for a screen
 * reader; the page lists the edges as text too.
 */
export function directoryDiagram(world: World, directoryId: string, t: Translate): Diagram | undefined {
  const directory = world.directory(directoryId);
  if (!directory) return undefined;
  const users = world.usersOf(directoryId);
  const azure = world.subscriptionsOf(directoryId);
  // An owner who is not a user of this directory (billing stays after a move) still gets a box.
  const ownerIds = azure.map((s) => s.accountAdminId).filter((id) => !users.some((u) => u.account.id === id));
  const people = [
    ...users.map((u) => ({
      id: u.account.id,
      name: u.account.signInName,
      membership: t(u.membership === 'member' ? 'portal.directories.member' : 'portal.directories.guest'),
    })),
    ...[...new Set(ownerIds)].map((id) => ({ id, name: world.account(id)?.signInName ?? id, membership: '—' })),
  ];

  const nodes: DiagramNode[] = [];
  const edges: DiagramEdge[] = [];
  const box = (x: number, y: number, kind: DiagramNode['kind'], lines: string[], label: string): DiagramNode => {
    const node = { x, y, width: BOX.width, height: BOX.height, kind, lines, label };
    nodes.push(node);
    return node;
  };
  const middleY = (node: DiagramNode) => node.y + node.height / 2;
  /** From a node's right side to another's left, turning once halfway if they are not level. */
  const rightward = (from: DiagramNode, to: DiagramNode, label: string) => {
    const turnX = from.x + from.width + BOX.gap / 2;
    edges.push({
      points: [
        { x: from.x + from.width, y: middleY(from) },
        { x: turnX, y: middleY(from) },
        { x: turnX, y: middleY(to) },
        { x: to.x, y: middleY(to) },
      ],
      label,
    });
  };

  const directoryNode = box(
    BOX.margin,
    BOX.margin,
    'directory',
    [directory.name, directory.initialDomain],
    t('portal.diagram.directory', { directory: directory.name }),
  );
  const besideX = BOX.margin + BOX.width + BOX.gap;
  directory.office365Subscriptions.forEach((o365, i) => {
    const node = box(
      besideX,
      BOX.margin + i * BOX.row,
      'office365',
      [
        o365.name,
        t(o365.licences === 1 ? 'portal.diagram.license' : 'portal.diagram.licenses', { count: o365.licences }),
      ],
      t('portal.diagram.office365', { name: o365.name }),
    );
    rightward(directoryNode, node, node.label);
  });

  const trunkX = BOX.margin + BOX.indent / 2;
  const userX = BOX.margin + BOX.indent;
  let rowY = BOX.margin + Math.max(1, directory.office365Subscriptions.length) * BOX.row + BOX.row / 2;
  for (const person of people) {
    const user = box(
      userX,
      rowY,
      'user',
      [person.name, person.membership],
      t('portal.diagram.user', { user: person.name, membership: person.membership }),
    );
    edges.push({
      points: [
        { x: trunkX, y: directoryNode.y + directoryNode.height },
        { x: trunkX, y: middleY(user) },
        { x: userX, y: middleY(user) },
      ],
      label: user.label,
    });
    const owned = azure.filter((subscription) => subscription.accountAdminId === person.id);
    owned.forEach((subscription, i) => {
      const name = t(`offer.${subscription.offerId}`);
      const node = box(
        userX + BOX.width + BOX.gap,
        rowY + i * BOX.row,
        'azure',
        [name, subscription.offerId],
        t('portal.diagram.azure', { offer: name, owner: person.name }),
      );
      rightward(user, node, node.label);
    });
    rowY += Math.max(1, owned.length) * BOX.row;
  }

  const width = Math.max(...nodes.map((n) => n.x + n.width)) + BOX.margin;
  const height = Math.max(...nodes.map((n) => n.y + n.height)) + BOX.margin;
  return { width, height, title: t('portal.diagram.title', { directory: directory.name }), nodes, edges };
}
