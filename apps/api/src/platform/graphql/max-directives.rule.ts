import { GraphQLError, Kind, type ASTNode, type FragmentDefinitionNode, type ValidationContext, type ASTVisitor } from 'graphql';

/**
 * Caps the directives an operation applies, counting each fragment spread's own directives plus the
 * fragment's (memoised, cycle-safe). Written here because the common library rule forgets the
 * directives of a fragment spread it has seen before, which lets `...F @include(if: true)` repeat
 * past the limit.
 */
export function maxDirectivesRule(max: number) {
  return (context: ValidationContext): ASTVisitor => {
    const fragmentCounts = new Map<string, number>();

    const count = (node: ASTNode, visiting: Set<string>): number => {
      let total = 'directives' in node && Array.isArray(node.directives) ? node.directives.length : 0;
      if (node.kind === Kind.FRAGMENT_SPREAD) {
        const name = node.name.value;
        if (!visiting.has(name)) {
          if (!fragmentCounts.has(name)) {
            const fragment: FragmentDefinitionNode | null | undefined = context.getFragment(name);
            visiting.add(name);
            fragmentCounts.set(name, fragment ? count(fragment, visiting) : 0);
            visiting.delete(name);
          }
          total += fragmentCounts.get(name) ?? 0;
        }
        return total;
      }
      if ('selectionSet' in node && node.selectionSet) {
        for (const selection of node.selectionSet.selections) total += count(selection, visiting);
      }
      return total;
    };

    return {
      OperationDefinition(operation) {
        const found = count(operation, new Set());
        if (found > max) {
          context.reportError(new GraphQLError(`Directives limit of ${max} exceeded, found ${found}.`, { nodes: [operation] }));
        }
      },
    };
  };
}
