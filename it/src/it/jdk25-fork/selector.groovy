// runs only where a JDK 25 is installed
def home = System.getProperty('jdk25.home', '/usr/lib/jvm/temurin-25-jdk-amd64')
return new File(home, 'bin/java').canExecute()
