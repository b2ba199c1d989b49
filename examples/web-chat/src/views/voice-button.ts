// The record button: hold it (pointer, or Space/Enter held on the keyboard) to record a voice
// message with MediaRecorder; letting go sends it. Hidden where the browser cannot record
// (no `navigator.mediaDevices`, as in some headless browsers, or no MediaRecorder).

/** A finished recording. */
export interface Recording {
  blob: Blob;
  mimeType: string;
  durationMs: number;
}

export function canRecord(): boolean {
  return typeof MediaRecorder !== 'undefined' && typeof navigator.mediaDevices?.getUserMedia === 'function';
}

export function setUpVoiceButton(
  button: HTMLButtonElement,
  onRecorded: (recording: Recording) => void,
  onError: (text: string) => void,
): void {
  button.hidden = !canRecord();
  if (button.hidden) return;
  let active: { recorder: MediaRecorder; started: number } | undefined;
  let starting = false;
  // Released while the microphone was still being opened: stop as soon as it is.
  let released = false;

  const start = async () => {
    if (active || starting) return;
    starting = true;
    released = false;
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
      const recorder = new MediaRecorder(stream);
      const chunks: Blob[] = [];
      const started = Date.now();
      recorder.ondataavailable = (event) => chunks.push(event.data);
      recorder.onstop = () => {
        for (const track of stream.getTracks()) track.stop();
        const mimeType = recorder.mimeType || 'audio/webm';
        const blob = new Blob(chunks, { type: mimeType });
        if (blob.size > 0) onRecorded({ blob, mimeType, durationMs: Date.now() - started });
      };
      recorder.start();
      active = { recorder, started };
      button.setAttribute('aria-pressed', 'true');
      if (released) stop();
    } catch (error) {
      onError(`Cannot record: ${(error as Error).message}`);
    } finally {
      starting = false;
    }
  };
  const stop = () => {
    if (starting) released = true;
    if (!active) return;
    active.recorder.stop();
    active = undefined;
    button.setAttribute('aria-pressed', 'false');
  };

  button.addEventListener('pointerdown', () => void start());
  button.addEventListener('pointerup', stop);
  button.addEventListener('pointerleave', stop);
  button.addEventListener('keydown', (event) => {
    if ((event.key === ' ' || event.key === 'Enter') && !event.repeat) {
      event.preventDefault();
      void start();
    }
  });
  button.addEventListener('keyup', (event) => {
    if (event.key === ' ' || event.key === 'Enter') stop();
  });
}
