package dev.pagebook.installer;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class AppIconTest {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @Test
    void thePngIsATileWithTransparentCornersAPageAndAnOrangeWave() throws IOException {
        BufferedImage icon = ImageIO.read(new ByteArrayInputStream(AppIcon.png(256)));

        assertThat(icon.getWidth()).isEqualTo(256);
        assertThat(icon.getHeight()).isEqualTo(256);
        assertThat(icon.getRGB(1, 1) >>> 24).as("corner alpha").isZero();
        assertThat(icon.getRGB(128, 200) & 0xFFFFFF).as("page").isEqualTo(0xFBFAF7);
        // The wave starts at (80, 152) and rises: its stroke covers the start point.
        assertThat(icon.getRGB(80, 152) & 0xFFFFFF).as("wave").isEqualTo(0xF28C28);
    }

    @Test
    void theIcoHoldsOne256PixelPng() throws IOException {
        ByteBuffer ico = ByteBuffer.wrap(AppIcon.ico()).order(ByteOrder.LITTLE_ENDIAN);

        assertThat(ico.getShort(2)).as("type: icon").isEqualTo((short) 1);
        assertThat(ico.getShort(4)).as("images").isEqualTo((short) 1);
        int size = ico.getInt(6 + 8);
        int offset = ico.getInt(6 + 12);
        assertThat(offset + size).isEqualTo(ico.capacity());
        assertThat(Arrays.copyOfRange(ico.array(), offset, offset + 8)).isEqualTo(PNG_SIGNATURE);
    }

    @Test
    void theIcnsEntriesAddUpToItsLength() throws IOException {
        byte[] icns = AppIcon.icns();
        ByteBuffer buffer = ByteBuffer.wrap(icns).order(ByteOrder.BIG_ENDIAN);

        assertThat(new String(icns, 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("icns");
        assertThat(buffer.getInt(4)).isEqualTo(icns.length);
        int at = 8;
        int entries = 0;
        while (at < icns.length) {
            assertThat(Arrays.copyOfRange(icns, at + 8, at + 16)).isEqualTo(PNG_SIGNATURE);
            at += buffer.getInt(at + 4);
            entries++;
        }
        assertThat(at).isEqualTo(icns.length);
        assertThat(entries).isEqualTo(3);
    }
}
