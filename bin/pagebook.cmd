@echo off
rem Pagebook launcher for Windows: finds a JDK >= 21, builds on first use, runs the app or a subcommand.
setlocal EnableDelayedExpansion
set "ROOT=%~dp0.."
set "JAVA_CMD="
if defined PAGEBOOK_JAVA_HOME if exist "%PAGEBOOK_JAVA_HOME%\bin\java.exe" set "JAVA_HOME=%PAGEBOOK_JAVA_HOME%"
if defined JAVA_HOME call :check "%JAVA_HOME%"
if not defined JAVA_CMD for /d %%D in ("%ProgramFiles%\Eclipse Adoptium\jdk-*" "%ProgramFiles%\Java\jdk-*" "%ProgramFiles%\Microsoft\jdk-*") do if not defined JAVA_CMD call :check "%%~D"
if not defined JAVA_CMD (
  echo pagebook: no JDK 21 or newer found. Install one ^(e.g. Temurin 25^) or set PAGEBOOK_JAVA_HOME. 1>&2
  exit /b 1
)
if not exist "%ROOT%\app\target\lib\pagebook-app.jar" (
  echo pagebook: building the app on first use... 1>&2
  pushd "%ROOT%"
  call mvn -B -ntp -q -DskipTests install -pl app -am || (popd & exit /b 1)
  popd
)
"%JAVA_CMD%" @"%ROOT%\app\target\pagebook.args" dev.pagebook.app.Main %*
exit /b %ERRORLEVEL%

:check
set "CAND=%~1"
if not exist "%CAND%\release" goto :eof
for /f "tokens=2 delims==" %%V in ('findstr /b "JAVA_VERSION=" "%CAND%\release"') do set "VER=%%~V"
for /f "tokens=1 delims=." %%M in ("!VER!") do set "MAJOR=%%M"
if !MAJOR! GEQ 21 (
  set "JAVA_HOME=%CAND%"
  set "PATH=%CAND%\bin;%PATH%"
  set "JAVA_CMD=%CAND%\bin\java.exe"
)
goto :eof
