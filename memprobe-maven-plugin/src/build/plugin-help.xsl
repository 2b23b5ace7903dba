<?xml version="1.0" encoding="UTF-8"?>
<!--
  Rewrites the plugin-help.xml that maven-plugin-plugin generates, for `mvn memprobe:help -Ddetail`. bisect extends
  Surefire's AbstractSurefireMojo, whose ~90 parameters the descriptor inherits without their descriptions (Surefire's
  sources are not where the plugin is built). Here, for bisect: memprobe's own parameters come first; Surefire's
  parameters that memprobe sets itself are listed last and say so; Surefire's deprecated ones are left out; every other
  Surefire parameter says that it works as for mvn test. plugin.xml, which Maven configures the goal from, is left as
  it is. HelpDescriptorTest checks the result.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <!-- Surefire's parameters that memprobe sets for every probe: one reused fork, classes one at a time, nothing
       re-run, its own reports and timeouts. Keep in step with SurefireConfiguration.MEMPROBE_OWNED. -->
  <xsl:variable name="setByMemprobe" select="' forkCount reuseForks parallel threadCount threadCountSuites threadCountClasses threadCountMethods perCoreThreadCount useUnlimitedThreads parallelOptimized parallelTestsTimeoutInSeconds parallelTestsTimeoutForcedInSeconds skipAfterFailureCount rerunFailingTestsCount failOnFlakeCount printSummary useFile redirectTestOutputToFile failIfNoSpecifiedTests shutdown statelessTestsetReporter consoleOutputReporter statelessTestsetInfoReporter reportNameSuffix summaryFile enablePropertiesElement tempDir '"/>

  <!-- a parameter's expression in its mojo's configuration: ${memprobe.maxHeap} for memprobe's own -->
  <xsl:key name="expression" match="mojo/configuration/*" use="concat(../../goal, '/', local-name())"/>

  <xsl:template match="@*|node()">
    <xsl:copy>
      <xsl:apply-templates select="@*|node()"/>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="mojo[goal='bisect']/parameters">
    <xsl:variable name="own" select="parameter[normalize-space(description) != '' and not(deprecated)]"/>
    <xsl:variable name="set" select="parameter[contains($setByMemprobe, concat(' ', name, ' ')) and not(deprecated)]"/>
    <xsl:copy>
      <xsl:apply-templates select="$own[starts-with(key('expression', concat('bisect/', name)), '${memprobe.')]"/>
      <xsl:apply-templates select="$own[not(starts-with(key('expression', concat('bisect/', name)), '${memprobe.'))
          and not(contains($setByMemprobe, concat(' ', name, ' ')))]"/>
      <xsl:for-each select="parameter[normalize-space(description) = '' and not(deprecated) and not(contains($setByMemprobe, concat(' ', name, ' ')))]">
        <xsl:copy>
          <xsl:apply-templates select="*[not(self::description)]"/>
          <description>Surefire's parameter, as for mvn test: memprobe's forks take it as Surefire's would, and also from the project's maven-surefire-plugin configuration (see Surefire's documentation).</description>
        </xsl:copy>
      </xsl:for-each>
      <xsl:for-each select="$set">
        <xsl:copy>
          <xsl:apply-templates select="*[not(self::description)]"/>
          <description>Set by memprobe, not by this parameter: every probe runs in one fresh fork that runs its classes one at a time, in order, with nothing re-run, reported into the probe's folder and stopped by memprobe's own limits (memprobe.forkTimeout, memprobe.memoryLimit). A value given here, or in the project's Surefire configuration, is not used.</description>
        </xsl:copy>
      </xsl:for-each>
    </xsl:copy>
  </xsl:template>
</xsl:stylesheet>
