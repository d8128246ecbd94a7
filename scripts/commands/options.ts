/** Commander's parser for a repeatable option (`--map a=b --map c=d`): collects every value. */
export const collect = (value: string, previous: string[]): string[] => [...previous, value];
