// Small browser facts the recovery screens need: the viewer's time zone, and copying a value.
export function timeZone() {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || null;
  } catch {
    return null;
  }
}

export async function copy(text) {
  await navigator.clipboard.writeText(text);
}
