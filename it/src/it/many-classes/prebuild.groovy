// Writes 2,000 test classes, the selection file naming them all, 2,000 classpath folders and the POM's list of them.
def count = 2000
def hog = 1234 // the one that holds 256 MiB: dies under -Xmx128m
def name = { int i -> String.format('Gen%04dTest', i) }
def pkg = { int i -> String.format('it.many.p%02d', i.intdiv(100)) }
// a folder name as long as a path into a Maven repository, so that 2,000 of them make a classpath of about 300 KB
def folder = { int i -> String.format('extra-classpath/org/example/some-rather-long-artifact-name-of-a-library/%04d', i) }

def sources = new File(basedir, 'src/test/java')
def selection = new StringBuilder('# every generated class, one a line (the Unselected*Test classes are left out)\n')
def elements = new StringBuilder()
(0..<count).each { i ->
    def dir = new File(sources, pkg(i).replace('.', '/'))
    dir.mkdirs()
    // every 100th class reads a resource from its own classpath folder, the last folder's included: only a whole
    // classpath has them (not every class: a resource lookup walks the 2,000 folders, which takes time)
    def body = i == hog
            ? '''        java.util.List<byte[]> chunks = new java.util.ArrayList<>();
        for (int i = 0; i < 4096; i++) { // 256 MiB in 64 KiB chunks
            chunks.add(new byte[64 * 1024]);
        }
        assertEquals(4096, chunks.size());'''
            : i % 100 == 99
            ? """        try (java.io.InputStream in = getClass().getResourceAsStream("/many/r${String.format('%04d', i)}.txt")) {
            assertEquals("${i}", new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }"""
            : "        assertEquals(${i + 1}, ${i} + 1);"
    new File(dir, name(i) + '.java').text = """package ${pkg(i)};

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ${name(i)} {

    @Test
    void runs() throws Exception {
${body}
    }
}
"""
    selection.append(pkg(i)).append('.').append(name(i)).append('\n')
    def resources = new File(basedir, folder(i) + '/many')
    resources.mkdirs()
    if (i % 100 == 99) {
        new File(resources, String.format('r%04d.txt', i)).text = "${i}"
    }
    elements.append("            <additionalClasspathElement>\${project.basedir}/${folder(i)}</additionalClasspathElement>\n")
}
// classes the selection file leaves out
def unselected = new File(sources, 'it/many')
(1..3).each { i ->
    new File(unselected, "Unselected${i}Test.java").text = """package it.many;

class Unselected${i}Test {

    @org.junit.jupiter.api.Test
    void mustNotRun() {
        throw new AssertionError("not in the selection file");
    }
}
"""
}
new File(basedir, 'memprobe-tests.txt').text = selection.toString()
def pom = new File(basedir, 'pom.xml')
def marker = '<!--@additionalClasspathElements@: prebuild.groovy puts 2,000 elements here-->'
assert pom.text.contains(marker)
pom.text = pom.text.replace('            ' + marker + '\n', elements.toString())
return true
