// invoker copies the project without file modes: make the launcher executable again
assert new File(basedir, 'limited-jdk/bin/java').setExecutable(true)
return true
