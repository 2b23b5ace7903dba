// Non-ASCII file and class names need a UTF-8 locale, for javac as for Surefire and memprobe: say so plainly
def encoding = System.getProperty('sun.jnu.encoding')
assert encoding == 'UTF-8' : "hostile-names needs a UTF-8 locale (file names are ${encoding}): run with LANG=C.UTF-8"
return true
