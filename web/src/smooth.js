// Smooth panning and zooming where WebGL is slow (software rendering, a large graph).
//
// Each sigma frame clears and redraws three WebGL and three 2D canvases, and without a
// GPU the browser then copies each back to composite it: a few frames a second whatever
// the graph. While the user drags or zooms, SmoothSigma instead shows one 2D snapshot of
// the last frame, moved by a CSS transform that follows sigma's camera (the compositor
// moves one layer, 50+ frames a second), and draws the graph for real once the gesture
// pauses. Where frames are fast and the graph small, sigma draws every frame as usual.
import Sigma from "sigma";

const SLOW_FRAME_MS = 40; // a sigma frame slower than this: use snapshots
const LARGE_GRAPH = 1000; // nodes: use snapshots whatever the frame time
const SETTLE_MS = 150; // the gesture is over this long after the last input

export class SmoothSigma extends Sigma {
  constructor(graph, container, settings) {
    super(graph, container, settings);
    this.frameMs = 0;
    this.snapshot = null; // { canvas, camera } while a gesture is shown as a bitmap
    this.lastInput = 0;
    this.lastMove = 0;
    this.transformed = null;
    this.pending = 0;
    const input = () => { this.lastInput = performance.now(); };
    this.getMouseCaptor().on("wheel", input);
    this.getMouseCaptor().on("mousemovebody", () => {
      if (this.getMouseCaptor().isMouseDown) input();
    });
    this.getTouchCaptor().on("touchmove", input);
    // How long a frame takes to reach the screen: the next animation frame after a
    // render waits for the compositor.
    this.drawnCamera = this.getCamera().getState(); // what the layers show
    this.on("beforeRender", () => { this.drawnCamera = this.getCamera().getState(); });
    this.on("afterRender", () => {
      const t0 = performance.now();
      requestAnimationFrame(() => { this.frameMs = performance.now() - t0; });
      this.emit("frame");
    });
  }

  // WebGL layers keep their last frame readable, so a gesture starts from the frame on
  // screen without drawing another (one sigma frame can take seconds without a GPU).
  createWebGLContext(id, options = {}) {
    return super.createWebGLContext(id, { ...options, preserveDrawingBuffer: true });
  }

  gesturing() {
    return this.getCamera().isAnimated() || this.getMouseCaptor().isMouseDown
      || performance.now() - this.lastInput < SETTLE_MS;
  }

  useSnapshots() {
    return this.getGraph().order > LARGE_GRAPH || this.frameMs > SLOW_FRAME_MS;
  }

  // sigma asks for a frame (camera moved, graph changed): during a gesture, move the
  // snapshot instead.
  scheduleRender() {
    if (this.snapshot === null) {
      if (!this.gesturing() || !this.useSnapshots()) return super.scheduleRender();
      this.takeSnapshot();
    }
    this.lastMove = performance.now();
    if (!this.pending) this.pending = requestAnimationFrame(() => this.follow());
    return this;
  }

  // Copies every layer but the mouse's (it takes the events) into one 2D canvas.
  takeSnapshot() {
    const { width, height } = this.getDimensions();
    const ratio = window.devicePixelRatio || 1;
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    canvas.className = "sigma-snapshot";
    Object.assign(canvas.style, { position: "absolute", left: "0", top: "0",
                                  width: `${width}px`, height: `${height}px`,
                                  transformOrigin: "0 0", pointerEvents: "none" });
    const ctx = canvas.getContext("2d");
    const layers = this.getCanvases();
    for (const [name, layer] of Object.entries(layers)) {
      if (name === "mouse") continue;
      ctx.drawImage(layer, 0, 0, canvas.width, canvas.height);
      layer.style.visibility = "hidden"; // the compositor skips hidden layers
    }
    this.getContainer().insertBefore(canvas, layers.mouse);
    this.snapshot = { canvas, camera: this.drawnCamera || this.getCamera().getState() };
    this.transformed = null;
    this.watch();
  }

  // The CSS transform that maps the snapshot's viewport onto the current camera's: a
  // similarity, fixed by where two corners of the snapshot land now.
  follow() {
    this.pending = 0;
    if (!this.snapshot) return;
    const now = this.getCamera().getState();
    const key = `${now.x},${now.y},${now.ratio},${now.angle}`;
    if (key === this.transformed) return;
    this.transformed = key;
    const { width } = this.getDimensions();
    const at = (x, y) => this.framedGraphToViewport(
      this.viewportToFramedGraph({ x, y }, { cameraState: this.snapshot.camera }),
      { cameraState: now });
    const p = at(0, 0);
    const q = at(width, 0);
    const a = (q.x - p.x) / width;
    const b = (q.y - p.y) / width;
    this.snapshot.canvas.style.transform = `matrix(${a},${b},${-b},${a},${p.x},${p.y})`;
    this.emit("frame");
  }

  // Ends the snapshot once the gesture settles: the real frame is drawn first, then the
  // layers swap in the same task, so the screen never shows a stale frame.
  watch() {
    const check = () => {
      if (!this.snapshot) return;
      if (this.gesturing() || performance.now() - this.lastMove < SETTLE_MS) {
        setTimeout(check, 50);
        return;
      }
      this.endSnapshot();
    };
    setTimeout(check, SETTLE_MS);
  }

  endSnapshot() {
    if (!this.snapshot) return;
    const { canvas } = this.snapshot;
    this.snapshot = null;
    this.render();
    for (const layer of Object.values(this.getCanvases())) layer.style.visibility = "";
    canvas.remove();
  }

  kill() {
    if (this.snapshot) {
      this.snapshot.canvas.remove();
      this.snapshot = null;
    }
    super.kill();
  }
}
