/**
 * Runs tests/support/kazoo/recipes.py: real kazoo recipes (Debian's python3-kazoo, installed by
 * ensureKazoo when missing) against a test ZooKeeper, steered line by line from a test.
 */
import path from 'node:path';
import { ensureKazoo } from '@/scripts/lib/deps';
import { RecipeProcess } from '../recipe-process';

export class KazooRecipe extends RecipeProcess {
  constructor(connectString: string, recipe: 'lock' | 'election' | 'party', znode: string, clients: number) {
    super('kazoo', ensureKazoo(), [path.join(__dirname, 'recipes.py'), connectString, recipe, znode, String(clients)]);
  }
}
