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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine owns its ports: the search, the reports, the fork protocol, the units and the machine description use
 * nothing from Maven, so they can be driven without it; and the plugin's packages stand in layers ({@link #LAYERS}),
 * each using only those below it, so that no two depend on each other. Read from the compiled classes' constant
 * pools, which name every class a class uses (imported, fully qualified or in a signature).
 */
class ArchitectureTest {

    private static final String MAVEN = "org/apache/maven/";

    /** A memprobe type in a constant: its package path, sub-packages included (the simple name starts upper case). */
    private static final Pattern MEMPROBE_TYPE = Pattern.compile("dev/memprobe/([a-z]+(?:/[a-z]+)*)/[A-Z]");

    private static final List<String> PLUGIN_PACKAGES = List.of(
            "dev/memprobe/bisect",
            "dev/memprobe/report",
            "dev/memprobe/report/html",
            "dev/memprobe/report/files",
            "dev/memprobe/merge",
            "dev/memprobe/fork",
            "dev/memprobe/units",
            "dev/memprobe/names",
            "dev/memprobe/shard",
            "dev/memprobe/env",
            "dev/memprobe/check",
            "dev/memprobe/metrics",
            "dev/memprobe/run",
            "dev/memprobe/results",
            "dev/memprobe/retain",
            "dev/memprobe/record");

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

    /**
     * The layers of the plugin's packages, bottom up: each package with the memprobe packages its classes may use. A
     * package that is not listed fails the rule, so a new one must say where it stands. The provider's {@code journal}
     * (the contract between the two JVMs) is at the bottom, beside the units.
     */
    static final Map<String, Set<String>> LAYERS = layers(
            "units", "",
            "names", "",
            "env", "",
            "shard", "units",
            "bisect", "journal units names",
            "retain", "",
            "fork", "bisect journal units names",
            "report", "bisect journal units names retain",
            "report.html", "report bisect units names retain",
            "report.files", "report report.html",
            "merge", "report bisect shard units names",
            "check", "report units names",
            "metrics", "report report.files units",
            "results", "report journal",
            "record", "bisect fork report journal recorder units names",
            "run", "bisect env record report report.files results shard units names journal retain",
            "maven", "*",
            "memprobe_maven_plugin", ""); // the help goal maven-plugin-plugin generates

    @Test
    void everyPackageOfThePluginHasItsLayer() throws IOException, URISyntaxException {
        Map<String, Set<String>> uses = packageUses(root(BisectEngine.class));

        assertThat(uses).containsKeys("bisect", "fork", "maven", "report", "report.html", "run", "units");
        assertThat(LAYERS).containsKeys(uses.keySet().toArray(String[]::new));
    }

    @Test
    void aPackageUsesOnlyThePackagesBelowIt() throws IOException, URISyntaxException {
        assertThat(layerViolations(packageUses(root(BisectEngine.class)), LAYERS))
                .isEmpty();
    }

    @Test
    void theLayersFormNoCycle() {
        assertThat(cycles(LAYERS)).isEmpty();
    }

    @Test
    void theLayeringCheckFindsAUseFromBelowAndACycle() {
        Map<String, Set<String>> uses = new TreeMap<>(Map.of(
                "units", Set.of("report"),
                "report", Set.of("units"),
                "maven", Set.of("report", "units")));

        assertThat(layerViolations(uses, LAYERS)).containsExactly("units uses report");
        assertThat(cycles(uses)).containsExactly("report -> units -> report");
        assertThat(layerViolations(Map.of("newpackage", Set.of()), LAYERS))
                .containsExactly("newpackage has no layer in ArchitectureTest.LAYERS");
    }

    /** "a uses b" for each use that the layers do not allow; "p has no layer" for a package not in them. */
    static List<String> layerViolations(Map<String, Set<String>> uses, Map<String, Set<String>> layers) {
        List<String> violations = new ArrayList<>();
        for (Map.Entry<String, Set<String>> pkg : new TreeMap<>(uses).entrySet()) {
            Set<String> allowed = layers.get(pkg.getKey());
            if (allowed == null) {
                violations.add(pkg.getKey() + " has no layer in ArchitectureTest.LAYERS");
                continue;
            }
            for (String used : new TreeSet<>(pkg.getValue())) {
                if (!allowed.contains("*") && !allowed.contains(used)) {
                    violations.add(pkg.getKey() + " uses " + used);
                }
            }
        }
        return violations;
    }

    /** Every package under {@code dev/memprobe} ({@code report.html} for a sub-package), with the others it names. */
    static Map<String, Set<String>> packageUses(Path root) throws IOException {
        Path base = root.resolve("dev/memprobe");
        Map<String, Set<String>> uses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(base)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                Path folder = base.relativize(file.getParent());
                if (folder.toString().isEmpty()) {
                    continue; // the tests' own classes at dev/memprobe
                }
                String pkg = folder.toString().replace('/', '.');
                Set<String> used = uses.computeIfAbsent(pkg, k -> new TreeSet<>());
                for (String text : utf8Constants(Files.readAllBytes(file))) {
                    Matcher type = MEMPROBE_TYPE.matcher(text);
                    while (type.find()) {
                        String other = type.group(1).replace('/', '.');
                        if (!other.equals(pkg)) {
                            used.add(other);
                        }
                    }
                }
            }
        }
        return uses;
    }

    /** Every cycle found by a depth-first walk from each package, as "a -> b -> a". */
    static List<String> cycles(Map<String, Set<String>> uses) {
        List<String> found = new ArrayList<>();
        Set<String> done = new TreeSet<>();
        for (String start : new TreeSet<>(uses.keySet())) {
            walk(start, uses, new ArrayList<>(), done, found);
        }
        return found;
    }

    private static void walk(
            String pkg, Map<String, Set<String>> uses, List<String> path, Set<String> done, List<String> found) {
        int at = path.indexOf(pkg);
        if (at >= 0) {
            List<String> cycle = new ArrayList<>(path.subList(at, path.size()));
            cycle.add(pkg);
            found.add(String.join(" -> ", cycle));
            return;
        }
        if (done.contains(pkg)) {
            return;
        }
        path.add(pkg);
        for (String next : new TreeSet<>(uses.getOrDefault(pkg, Set.of()))) {
            if (!next.equals("*")) {
                walk(next, uses, path, done, found);
            }
        }
        path.remove(path.size() - 1);
        done.add(pkg);
    }

    private static Map<String, Set<String>> layers(String... packageThenUses) {
        Map<String, Set<String>> layers = new LinkedHashMap<>();
        for (int i = 0; i < packageThenUses.length; i += 2) {
            String used = packageThenUses[i + 1].trim();
            layers.put(packageThenUses[i], used.isEmpty() ? Set.of() : Set.of(used.split(" +")));
        }
        return layers;
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
    static Path root(Class<?> anchor) throws IOException, URISyntaxException {
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
