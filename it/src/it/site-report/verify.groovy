def runs = new File(basedir, 'build.log').text.split(/\[INFO\] Scanning for projects\.\.\./).findAll { it.trim() }
assert runs.size() == 2
assert runs[0].contains('[INFO] memprobe: no site report: target/memprobe/report.json does not exist; run memprobe:bisect first')
assert runs[1].contains('BUILD SUCCESS')

def site = new File(basedir, 'target/site')
def page = new File(site, 'memprobe/index.html')
assert page.isFile() : 'memprobe:report wrote its page into the site'
def html = page.getText('UTF-8')
assert html.contains('<h1>No culprit: every class ran within the limits</h1>')
assert html.contains('<link rel="stylesheet" href="report.css">')
assert new File(site, 'memprobe/report.css').isFile() && new File(site, 'memprobe/report.js').isFile()
// the site links it, as it links jacoco's
def reports = new File(site, 'project-reports.html')
assert reports.isFile()
assert reports.getText('UTF-8').contains('href="memprobe/index.html"')
return true
