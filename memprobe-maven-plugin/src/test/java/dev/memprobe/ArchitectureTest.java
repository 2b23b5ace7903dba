package dev.memprobe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.memprobe.bisect.BisectEngine;
import dev.memprobe.journal.Journal;
import dev.memprobe.maven.BisectMojo;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine owns its ports: the search, the reports, the fork protocol, the configuration values and the machine
 * description use nothing from Maven, so they can be driven without it. Read from the compiled classes' constant
 * pools, which name every class a class uses (imported, fully qualified or in a signature).
 */
class ArchitectureTest {

    private static final String MAVEN = "org/apache/maven/";

    private static final List<String> PLUGIN_PACKAGES = List.of(
            "dev/memprobe/bisect",
            "dev/memprobe/report",
            "dev/memprobe/report/html",
            "dev/memprobe/report/files",
            "dev/memprobe/merge",
            "dev/memprobe/fork",
            "dev/memprobe/config",
            "dev/memprobe/env",
            "dev/memprobe/check",
            "dev/memprobe/metrics",
            "dev/memprobe/run");

    private static final List<String> PROVIDER_PACKAGES = List.of("dev/memprobe/journal");

    @Test
    void theEnginePackagesUseNothingFromMaven() throws IOException, URISyntaxException {
        List<String> violations = new ArrayList<>();
        int classes = 0;
        for (Path file : classFiles(BisectEngine.class, PLUGIN_PACKAGES)) {
            violations.addAll(mavenReferences(file));
            classes++;
        }

        assertThat(classes).as("class files found in %s", PLUGIN_PACKAGES).isGreaterThan(20);
        assertThat(violations).isEmpty();
    }

    @Test
    void theJournalProtocolUsesNothingFromMaven() throws IOException, URISyntaxException {
        List<String> violations = new ArrayList<>();
        int classes = 0;
        for (Path file : classFiles(Journal.class, PROVIDER_PACKAGES)) {
            violations.addAll(mavenReferences(file));
            classes++;
        }

        assertThat(classes).as("class files found in %s", PROVIDER_PACKAGES).isGreaterThan(4);
        assertThat(violations).isEmpty();
    }

    @Test
    void theCheckFindsMavenInAClassThatUsesIt() throws IOException, URISyntaxException {
        List<Path> mojo = classFiles(BisectMojo.class, List.of("dev/memprobe/maven")).stream()
                .filter(p -> p.getFileName().toString().equals("BisectMojo.class"))
                .toList();

        assertThat(mojo).hasSize(1);
        assertThat(mavenReferences(mojo.get(0)))
                .isNotEmpty()
                .allMatch(found -> found.startsWith("dev/memprobe/maven/BisectMojo.class uses org/apache/maven/"));
    }

    @Test
    void theCheckSeesAMavenTypeThatAppearsOnlyInASignature(@TempDir Path root) throws IOException {
        Path file = root.resolve("dev/memprobe/report/Fake.class");
        Files.createDirectories(file.getParent());
        Files.write(file, classReferring("(Ljava/util/List<Lorg/apache/maven/project/MavenProject;>;)V"));

        assertThat(mavenReferences(file))
                .containsExactly("dev/memprobe/report/Fake.class uses org/apache/maven/project/MavenProject");
    }

    /** Every type named {@code org/apache/maven/...} in the class file's constant pool, as "file uses type". */
    static List<String> mavenReferences(Path classFile) throws IOException {
        TreeSet<String> types = new TreeSet<>();
        for (String text : utf8Constants(Files.readAllBytes(classFile))) {
            int at = text.indexOf(MAVEN);
            while (at >= 0) {
                int end = at;
                while (end < text.length() && ";<>()[".indexOf(text.charAt(end)) < 0) {
                    end++;
                }
                types.add(text.substring(at, end));
                at = text.indexOf(MAVEN, end);
            }
        }
        String name = relativeName(classFile);
        return types.stream().map(type -> name + " uses " + type).toList();
    }

    /** The UTF-8 constants of a class file: class names, descriptors, signatures and string literals. */
    static List<String> utf8Constants(byte[] classFile) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        List<String> texts = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> texts.add(in.readUTF()); // Utf8
                case 3, 4 -> in.skipBytes(4); // Integer, Float
                case 5, 6 -> { // Long, Double take two slots
                    in.skipBytes(8);
                    i++;
                }
                case 7, 8, 16, 19, 20 -> in.skipBytes(2); // Class, String, MethodType, Module, Package
                case 9, 10, 11, 12, 17, 18 -> in.skipBytes(4); // refs, NameAndType, Dynamic, InvokeDynamic
                case 15 -> in.skipBytes(3); // MethodHandle
                default -> throw new IOException("unknown constant pool tag " + tag + " at entry " + i);
            }
        }
        return texts;
    }

    private static List<Path> classFiles(Class<?> anchor, List<String> packages)
            throws IOException, URISyntaxException {
        Path root = root(anchor);
        List<Path> files = new ArrayList<>();
        for (String pkg : packages) {
            Path folder = root.resolve(pkg);
            assertThat(Files.isDirectory(folder)).as("%s exists", folder).isTrue();
            try (Stream<Path> list = Files.list(folder)) {
                list.filter(p -> p.toString().endsWith(".class")).sorted().forEach(files::add);
            }
        }
        return files;
    }

    /** The folder of classes or the root of the jar {@code anchor} was loaded from. */
    private static Path root(Class<?> anchor) throws IOException, URISyntaxException {
        Path location = Paths.get(
                anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (Files.isDirectory(location)) {
            return location;
        }
        URI jar = URI.create("jar:" + location.toUri());
        FileSystem fs;
        try {
            fs = FileSystems.getFileSystem(jar);
        } catch (FileSystemNotFoundException e) {
            fs = FileSystems.newFileSystem(jar, Map.of());
        }
        return fs.getPath("/");
    }

    private static String relativeName(Path classFile) {
        String path = classFile.toString().replace('\\', '/');
        int at = path.lastIndexOf("dev/memprobe/");
        return at < 0 ? path : path.substring(at);
    }

    /** A minimal class file whose constant pool holds {@code descriptor}. */
    private static byte[] classReferring(String descriptor) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0xCAFEBABE);
        out.writeShort(0);
        out.writeShort(61);
        out.writeShort(3); // two entries
        out.writeByte(1);
        out.writeUTF(descriptor);
        out.writeByte(1);
        out.writeUTF("dev/memprobe/report/Fake");
        return bytes.toByteArray();
    }
}
