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

export interface DiagramEdge {
  readonly from: { x: number; y: number };
  readonly to: { x: number; y: number };
  readonly label: string;
}

export interface Diagram {
  readonly width: number;
  readonly height: number;
  readonly title: string;
  readonly nodes: readonly DiagramNode[];
  readonly edges: readonly DiagramEdge[];
}

const BOX = { width: 190, height: 52, gap: 24, row: 110, margin: 20 };

/**
 * The article's third picture, drawn from live state: the directory on top, its Office 365
 * subscriptions beside it (owned by the directory), its users below, and each Azure subscription
 * under the user who owns it (its Account admin). Every node and edge carries words for a screen
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

  const columns = Math.max(people.length, directory.office365Subscriptions.length + 1, 1);
  const width = BOX.margin * 2 + columns * BOX.width + (columns - 1) * BOX.gap;
  const columnX = (i: number) => BOX.margin + i * (BOX.width + BOX.gap);
  const nodes: DiagramNode[] = [];
  const edges: DiagramEdge[] = [];
  const bottomOf = (n: DiagramNode) => ({ x: n.x + n.width / 2, y: n.y + n.height });
  const topOf = (n: DiagramNode) => ({ x: n.x + n.width / 2, y: n.y });

  const directoryNode: DiagramNode = {
    x: columnX(0),
    y: BOX.margin,
    width: BOX.width,
    height: BOX.height,
    kind: 'directory',
    lines: [directory.name, directory.initialDomain],
    label: t('portal.diagram.directory', { directory: directory.name }),
  };
  nodes.push(directoryNode);
  directory.office365Subscriptions.forEach((o365, i) => {
    const node: DiagramNode = {
      x: columnX(i + 1),
      y: BOX.margin,
      width: BOX.width,
      height: BOX.height,
      kind: 'office365',
      lines: [o365.name, `${o365.licences}`],
      label: t('portal.diagram.office365', { name: o365.name }),
    };
    nodes.push(node);
    edges.push({
      from: { x: directoryNode.x + directoryNode.width, y: directoryNode.y + directoryNode.height / 2 },
      to: { x: node.x, y: node.y + node.height / 2 },
      label: node.label,
    });
  });

  const userRow = BOX.margin + BOX.row;
  const userNodes = new Map<string, DiagramNode>();
  people.forEach((person, i) => {
    const node: DiagramNode = {
      x: columnX(i),
      y: userRow,
      width: BOX.width,
      height: BOX.height,
      kind: 'user',
      lines: [person.name, person.membership],
      label: t('portal.diagram.user', { user: person.name, membership: person.membership }),
    };
    userNodes.set(person.id, node);
    nodes.push(node);
    edges.push({ from: bottomOf(directoryNode), to: topOf(node), label: node.label });
  });

  const stacked = new Map<string, number>();
  for (const subscription of azure) {
    const owner = userNodes.get(subscription.accountAdminId);
    if (!owner) continue;
    const level = stacked.get(subscription.accountAdminId) ?? 0;
    stacked.set(subscription.accountAdminId, level + 1);
    const name = t(`offer.${subscription.offerId}`);
    const ownerName = world.account(subscription.accountAdminId)?.signInName ?? '';
    const node: DiagramNode = {
      x: owner.x,
      y: userRow + BOX.row * (level + 1),
      width: BOX.width,
      height: BOX.height,
      kind: 'azure',
      lines: [name, subscription.id.slice(0, 8)],
      label: t('portal.diagram.azure', { offer: name, owner: ownerName }),
    };
    nodes.push(node);
    edges.push({ from: bottomOf(owner), to: topOf(node), label: node.label });
  }

  const height = Math.max(...nodes.map((n) => n.y + n.height)) + BOX.margin;
  return { width, height, title: t('portal.diagram.title', { directory: directory.name }), nodes, edges };
}
