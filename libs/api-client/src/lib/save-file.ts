/** Hands bytes fetched with the user's token to the browser as a download named `name`. */
export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  // The download has its own copy once it starts; the object URL is not needed after this turn.
  setTimeout(() => URL.revokeObjectURL(url));
}
