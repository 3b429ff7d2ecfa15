package org.layerlab.compute.export;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.SplittableRandom;

/** Byte-level mutations for fuzz tests of file readers: the kinds of damage real files and hostile ones show. */
public final class Mutations {
    private Mutations() {}

    /**
     * One to three mutations of {@code good}; {@code focusEnd} marks the structured prefix (a header, a directory)
     * where half the byte edits land, since damage to raw data is seldom interesting.
     */
    public static byte[] mutate(byte[] good, SplittableRandom rng, int focusEnd) {
        byte[] b = good.clone();
        int n = 1 + rng.nextInt(3);
        for (int k = 0; k < n; k++) b = once(b, rng, Math.max(1, Math.min(focusEnd, b.length)));
        return b;
    }

    private static byte[] once(byte[] b, SplittableRandom rng, int focusEnd) {
        if (b.length == 0) return new byte[] {(byte) rng.nextInt(256)};
        int at = rng.nextBoolean() ? rng.nextInt(focusEnd) : rng.nextInt(b.length);
        switch (rng.nextInt(9)) {
            case 0 -> b[at] ^= (byte) (1 << rng.nextInt(8));                       // flip a bit
            case 1 -> b[at] = (byte) rng.nextInt(256);                             // replace a byte
            case 2 -> b = Arrays.copyOf(b, rng.nextInt(b.length));                 // truncate
            case 3 -> {                                                            // delete a run
                int len = Math.min(b.length - at, 1 + rng.nextInt(16));
                byte[] c = new byte[b.length - len];
                System.arraycopy(b, 0, c, 0, at);
                System.arraycopy(b, at + len, c, at, b.length - at - len);
                b = c;
            }
            case 4 -> {                                                            // duplicate a run
                int len = Math.min(b.length - at, 1 + rng.nextInt(32));
                byte[] c = new byte[b.length + len];
                System.arraycopy(b, 0, c, 0, at + len);
                System.arraycopy(b, at, c, at + len, b.length - at);
                b = c;
            }
            case 5 -> {                                                            // a digit becomes another
                for (int i = 0; i < focusEnd; i++) {
                    int j = (at + i) % focusEnd;
                    if (b[j] >= '0' && b[j] <= '9') { b[j] = (byte) ('0' + rng.nextInt(10)); break; }
                }
            }
            case 6 -> {                                                            // an extreme little-endian int or long
                long v = switch (rng.nextInt(5)) {
                    case 0 -> 0; case 1 -> -1; case 2 -> Integer.MAX_VALUE; case 3 -> Long.MAX_VALUE; default -> rng.nextInt(1 << 20);
                };
                int w = rng.nextBoolean() ? 4 : 8;
                if (at + w <= b.length) {
                    ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
                    if (w == 4) buf.putInt(at, (int) v); else buf.putLong(at, v);
                }
            }
            case 7 -> {                                                            // a 4-byte aligned int in the prefix
                int pos = (rng.nextInt(Math.max(1, focusEnd / 2))) * 2;
                if (pos + 4 <= b.length) ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(pos, rng.nextInt());
            }
            default -> {                                                           // swap two bytes
                int other = rng.nextInt(b.length);
                byte t = b[at]; b[at] = b[other]; b[other] = t;
            }
        }
        return b;
    }
}
