package dev.pagebook.installer;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Pagebook's icon, drawn in code so every platform's file is made from one drawing: a page with a
 * folded corner carrying a sine wave, on a blue tile. Writes {@code pagebook.png} (Linux),
 * {@code pagebook.ico} (Windows) and {@code pagebook.icns} (macOS); the last two wrap PNG data,
 * which both formats accept since Windows Vista and Mac OS X 10.5.
 */
public final class AppIcon {

    private AppIcon() {
    }

    static BufferedImage draw(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.scale(size / 256.0, size / 256.0);

            g.setPaint(new GradientPaint(0, 0, new Color(0x3B7BF0), 256, 256, new Color(0x1E3F9E)));
            g.fill(new RoundRectangle2D.Double(8, 8, 240, 240, 56, 56));

            Path2D page = new Path2D.Double();
            page.moveTo(62, 40);
            page.lineTo(160, 40);
            page.lineTo(196, 76);
            page.lineTo(196, 216);
            page.lineTo(62, 216);
            page.closePath();
            g.setColor(new Color(0xFBFAF7));
            g.fill(page);

            Path2D fold = new Path2D.Double();
            fold.moveTo(160, 40);
            fold.lineTo(160, 76);
            fold.lineTo(196, 76);
            fold.closePath();
            g.setColor(new Color(0xC9D6F2));
            g.fill(fold);

            g.setColor(new Color(0xD5DCE8));
            g.setStroke(new BasicStroke(7, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.drawLine(80, 72, 136, 72);
            g.drawLine(80, 92, 124, 92);

            Path2D wave = new Path2D.Double();
            for (int x = 0; x <= 100; x++) {
                double px = 80 + x;
                double py = 152 - 34 * Math.sin(x / 100.0 * 2 * Math.PI);
                if (x == 0) {
                    wave.moveTo(px, py);
                } else {
                    wave.lineTo(px, py);
                }
            }
            g.setColor(new Color(0xF28C28));
            g.setStroke(new BasicStroke(11, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(wave);
        } finally {
            g.dispose();
        }
        return image;
    }

    static byte[] png(int size) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(draw(size), "png", out);
        return out.toByteArray();
    }

    /** An ICO file holding one 256x256 PNG image (width and height 0 mean 256 in the directory entry). */
    static byte[] ico() throws IOException {
        byte[] png = png(256);
        ByteBuffer ico = ByteBuffer.allocate(6 + 16 + png.length).order(ByteOrder.LITTLE_ENDIAN);
        ico.putShort((short) 0).putShort((short) 1).putShort((short) 1);
        ico.put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0);
        ico.putShort((short) 1).putShort((short) 32).putInt(png.length).putInt(6 + 16);
        return ico.put(png).array();
    }

    /** An ICNS file with PNG entries for 256 ({@code ic08}), 512 ({@code ic09}) and 1024 ({@code ic10}) pixels. */
    static byte[] icns() throws IOException {
        String[] types = {"ic08", "ic09", "ic10"};
        int[] sizes = {256, 512, 1024};
        byte[][] pngs = new byte[types.length][];
        int total = 8;
        for (int i = 0; i < types.length; i++) {
            pngs[i] = png(sizes[i]);
            total += 8 + pngs[i].length;
        }
        ByteBuffer icns = ByteBuffer.allocate(total).order(ByteOrder.BIG_ENDIAN);
        icns.put("icns".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(total);
        for (int i = 0; i < types.length; i++) {
            icns.put(types[i].getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(8 + pngs[i].length).put(pngs[i]);
        }
        return icns.array();
    }

    /** {@code AppIcon OUT_DIR}: writes pagebook.png, pagebook.ico and pagebook.icns. */
    public static void main(String[] args) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Path out = Path.of(args.length > 0 ? args[0] : ".");
        Files.createDirectories(out);
        Files.write(out.resolve("pagebook.png"), png(256));
        Files.write(out.resolve("pagebook.ico"), ico());
        Files.write(out.resolve("pagebook.icns"), icns());
    }
}
