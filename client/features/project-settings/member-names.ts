/** "a, b,,c  d" → ['a', 'b', 'c', 'd']: names typed into one field, split on commas and spaces, each once. Pure. */
export function parseUserNames(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).filter((n) => n !== ''))];
}

/** The users who could still be added: not members yet, not disabled, sorted by name. */
export function addableUsers<U extends { name: string; disabled: boolean }>(users: readonly U[], members: readonly { name: string }[]): U[] {
  const taken = new Set(members.map((m) => m.name));
  return users.filter((u) => !taken.has(u.name) && !u.disabled).sort((a, b) => a.name.localeCompare(b.name));
}
