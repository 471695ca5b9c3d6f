package io.github.attractor.data.idx;

import io.github.attractor.data.array.NdArray;
import java.util.Arrays;
import java.util.Objects;
import org.ejml.data.DMatrixRMaj;

/**
 * Images read by {@link Idx#readImages}: {@code pixels} has shape {@code N × (rows·cols)}, one image per
 * row in row-major order (pixel {@code (r, c)} of image {@code k} is {@code pixels[k, r·cols + c]}), values
 * {@code byte / 255} in {@code [0, 1]}.
 *
 * @param rows   image height
 * @param cols   image width
 * @param pixels the images, shape {@code [N, rows·cols]} (its data array is shared: treat it as read-only)
 */
public record IdxImages(int rows, int cols, NdArray pixels) {

    public IdxImages {
        Objects.requireNonNull(pixels, "pixels");
        if (pixels.rank() != 2 || pixels.dim(1) != rows * cols) {
            throw new IllegalArgumentException("pixels of shape " + NdArray.shapeString(pixels.shape())
                    + " are not images of " + rows + "x" + cols);
        }
    }

    /** Number of images N. */
    public int count() {
        return pixels.dim(0);
    }

    /** Pixels per image, {@code rows·cols}. */
    public int pixelsPerImage() {
        return rows * cols;
    }

    /** A copy of image {@code k} as a row-major vector of length {@code rows·cols}. */
    public double[] image(int k) {
        Objects.checkIndex(k, count());
        int d = pixelsPerImage();
        return Arrays.copyOfRange(pixels.data(), k * d, (k + 1) * d);
    }

    /** The first {@code n} images as an {@code n × (rows·cols)} matrix (copied). */
    public DMatrixRMaj toMatrix(int n) {
        Objects.checkFromToIndex(0, n, count());
        int d = pixelsPerImage();
        DMatrixRMaj m = new DMatrixRMaj(n, d);
        System.arraycopy(pixels.data(), 0, m.data, 0, n * d);
        return m;
    }

    /** All images as an {@code N × (rows·cols)} matrix (copied). */
    public DMatrixRMaj toMatrix() {
        return toMatrix(count());
    }
}
