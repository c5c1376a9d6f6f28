import MinshengApp

await MinshengCommand.runFromCommandLine()
