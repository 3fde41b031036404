// image.mjs: measures a screenshot's sharpness inside the browser (decoding PNG with a canvas,
// so the tests need no image library).
export async function sharpness(page, png) {
  const dataUrl = 'data:image/png;base64,' + png.toString('base64');
  return page.evaluate(async (src) => {
    const img = new Image();
    img.src = src;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width; c.height = img.height;
    const g = c.getContext('2d');
    g.drawImage(img, 0, 0);
    const { data } = g.getImageData(0, 0, c.width, c.height);
    const lum = (i) => 0.299 * data[i] + 0.587 * data[i + 1] + 0.114 * data[i + 2];
    const grads = [];
    for (let y = 0; y < c.height; y++) {
      for (let x = 0; x + 1 < c.width; x++) {
        const i = (y * c.width + x) * 4;
        const d = Math.abs(lum(i) - lum(i + 4));
        if (d > 24) grads.push(d);
      }
    }
    grads.sort((a, b) => b - a);
    const top = grads.slice(0, Math.max(1, Math.floor(grads.length * 0.05)));
    return { width: c.width, height: c.height, edge: top.reduce((a, b) => a + b, 0) / top.length, detail: grads.length };
  }, dataUrl);
}
