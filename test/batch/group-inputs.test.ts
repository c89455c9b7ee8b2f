// Which group an input of `batch` joins, per --group-by.
import test from 'ava';
import { groupOf, pathBelowRoot, type InputRoot } from '../../src/batch/group-inputs.js';

const archive: InputRoot = { path: 'fixtures/archive', isDirectory: true };

test('dir: the first directory level below the root', (t) => {
  t.is(groupOf('fixtures/archive/prod-apne2/2024/11/05/0504.txt', archive, 'dir'), 'prod-apne2');
  t.is(groupOf('fixtures/archive/staging-usw2/core.bin', archive, 'dir'), 'staging-usw2');
  t.is(groupOf('fixtures/archive/prod-apne2/2024/11/05/0504.txt', { path: 'fixtures/archive/', isDirectory: true }, 'dir'), 'prod-apne2');
});

test('dir: a file directly in the root, or named on its own, goes to a group named after its directory', (t) => {
  t.is(groupOf('fixtures/archive/README.md', archive, 'dir'), 'archive');
  t.is(groupOf('fixtures/seed/eks-failover.txt', { path: 'fixtures/seed/eks-failover.txt', isDirectory: false }, 'dir'), 'seed');
  t.not(groupOf('events.txt', { path: 'events.txt', isDirectory: false }, 'dir'), '');
});

test('file: each file its own group; none: one group', (t) => {
  t.is(groupOf('fixtures/archive/prod-apne2/2024/11/05/0504.txt', archive, 'file'), 'prod-apne2/2024/11/05/0504.txt');
  t.is(groupOf('fixtures/seed/eks-failover.txt', { path: 'fixtures/seed/eks-failover.txt', isDirectory: false }, 'file'), 'eks-failover.txt');
  t.is(groupOf('fixtures/archive/prod-apne2/2024/11/05/0504.txt', archive, 'none'), groupOf('fixtures/archive/staging-usw2/core.bin', archive, 'none'));
});

test('the path below the root is where a capture date is looked for', (t) => {
  t.is(pathBelowRoot('fixtures/archive/prod-apne2/2024/11/05/0504.txt', archive), 'prod-apne2/2024/11/05/0504.txt');
  t.is(pathBelowRoot('backups/2024-11-01/events.txt', { path: 'backups/2024-11-01/events.txt', isDirectory: false }), 'events.txt');
});
