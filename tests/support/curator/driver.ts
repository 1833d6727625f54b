/**
 * Runs tests/support/curator/Recipes.java: real Apache Curator recipes (Debian's
 * libcurator-recipes-java, installed by ensureCurator when missing) against a test ZooKeeper.
 */
import path from 'node:path';
import { ensureCurator } from '@/scripts/lib/deps';
import { RecipeProcess } from '../recipe-process';

export class CuratorRecipes extends RecipeProcess {
  constructor(connectString: string, base: string) {
    super('curator', ensureCurator(), ['-cp', '/usr/share/java/*', path.join(__dirname, 'Recipes.java'), connectString, base]);
  }
}
