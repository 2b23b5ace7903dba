package dev.memprobe.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What {@code mvn memprobe:help -Ddetail} shows, read from the help descriptor the build generated (maven-plugin-plugin,
 * then {@code src/build/plugin-help.xsl}): memprobe's parameters first and described; Surefire's parameters that
 * memprobe sets itself last, saying so; Surefire's deprecated ones left out; none without a description.
 */
class HelpDescriptorTest {

    static final Path HELP = Path.of(
            System.getProperty("basedir", "."),
            "target/classes/META-INF/maven/dev.memprobe/memprobe-maven-plugin/plugin-help.xml");

    /** Surefire parameters memprobe takes from the project and honours (they are not "set by memprobe"). */
    static final Set<String> HONOURED = Set.of(
            "testFailureIgnore",
            "reportsDirectory",
            "skip",
            "skipTests",
            "skipExec",
            "failIfNoTests",
            "forkedProcessTimeoutInSeconds");

    private static Map<String, String> bisect;
    private static Map<String, String> expressions;

    @BeforeAll
    static void readTheDescriptor() throws Exception {
        assertThat(HELP)
                .as("the build (process-classes) generates the help descriptor")
                .exists();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document help = factory.newDocumentBuilder().parse(Files.newInputStream(HELP));
        NodeList mojos = help.getElementsByTagName("mojo");
        for (int i = 0; i < mojos.getLength(); i++) {
            Element mojo = (Element) mojos.item(i);
            if (child(mojo, "goal").getTextContent().equals("bisect")) {
                bisect = new LinkedHashMap<>();
                for (Element p : children(child(mojo, "parameters"), "parameter")) {
                    Element description = child(p, "description");
                    bisect.put(
                            child(p, "name").getTextContent(),
                            description == null
                                    ? ""
                                    : description.getTextContent().trim());
                    assertThat(child(p, "deprecated"))
                            .as("deprecated " + child(p, "name").getTextContent())
                            .isNull();
                }
                expressions = new LinkedHashMap<>();
                for (Element e : children(child(mojo, "configuration"), null)) {
                    expressions.put(e.getTagName(), e.getTextContent());
                }
            }
        }
        assertThat(bisect).as("bisect in the help descriptor").isNotNull();
    }

    @Test
    void memprobesOwnParametersComeFirstEachDescribed() {
        List<String> names = new ArrayList<>(bisect.keySet());
        List<String> own = names.stream()
                .filter(n -> expressions.getOrDefault(n, "").startsWith("${memprobe."))
                .toList();

        assertThat(own).contains("maxHeap", "memoryLimit", "strategy", "skip", "failOnCulprit");
        assertThat(names.subList(0, own.size())).containsExactlyElementsOf(own);
        own.forEach(n -> assertThat(bisect.get(n)).as(n).isNotEmpty().doesNotStartWith("Surefire's parameter"));
    }

    @Test
    void surefiresParametersThatMemprobeSetsAreMarkedAndListedLast() {
        // what the project's Surefire configuration cannot set, and what memprobe overwrites for every probe after it
        Set<String> setByMemprobe = java.util.stream.Stream.concat(
                        SurefireConfiguration.MEMPROBE_OWNED.stream(),
                        java.util.stream.Stream.of("enablePropertiesElement", "tempDir"))
                .filter(n -> !HONOURED.contains(n))
                .filter(bisect::containsKey)
                .collect(Collectors.toSet());
        List<String> names = new ArrayList<>(bisect.keySet());

        assertThat(setByMemprobe).contains("forkCount", "reuseForks", "parallel", "rerunFailingTestsCount");
        setByMemprobe.forEach(n -> assertThat(bisect.get(n)).as(n).startsWith("Set by memprobe, not by this"));
        assertThat(names.subList(names.size() - setByMemprobe.size(), names.size()))
                .containsExactlyInAnyOrderElementsOf(setByMemprobe);
        assertThat(bisect.get("reportsDirectory")).startsWith("Surefire's reportsDirectory: where each class's");
        assertThat(bisect.get("testFailureIgnore")).startsWith("Surefire's testFailureIgnore");
    }

    @Test
    void everyParameterSaysWhatItIsAndNoneIsDeprecated() {
        bisect.forEach((name, description) -> assertThat(description).as(name).isNotEmpty());
        assertThat(bisect).doesNotContainKeys("skipExec");
        assertThat(bisect.size()).isLessThan(100);
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && (name == null || e.getTagName().equals(name))) {
                found.add(e);
            }
        }
        return found;
    }
}
