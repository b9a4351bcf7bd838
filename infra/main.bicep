// The Azure resources of Certifications. Filled in with the deployment issue: storage, Flex Consumption
// function app with managed identity, Application Insights, Key Vault, Static Web App.
targetScope = 'resourceGroup'

@description('Azure region for every resource.')
param location string = resourceGroup().location

@description('Name of the azd environment, used to name resources.')
param environmentName string

output AZURE_LOCATION string = location
output AZURE_ENVIRONMENT_NAME string = environmentName
